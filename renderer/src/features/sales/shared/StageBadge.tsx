import type { StageKind } from '../../../../../db/contract/sales';

/** A deal's stage, coloured by its kind: open, won or lost. */
export function StageBadge({ name, kind }: { name: string; kind: StageKind }) {
  return <span className={`badge badge--stage-${kind}`}>{name}</span>;
}

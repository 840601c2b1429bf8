import { defineRecordKindView } from '../../app/record-kind';
import { DealPage } from './deals/DealPage';
import { OrderPage } from './orders/OrderPage';

export const dealView = defineRecordKindView({ icon: 'deal', home: '/deals', Page: DealPage });
export const orderView = defineRecordKindView({ icon: 'receipt', home: '/orders', Page: OrderPage });
export const productView = defineRecordKindView({ icon: 'box', home: '/products' });
export const pipelineView = defineRecordKindView({ icon: 'pipeline', home: '/pipeline/settings' });
export const stageView = defineRecordKindView({ icon: 'pipeline', home: '/pipeline/settings' });

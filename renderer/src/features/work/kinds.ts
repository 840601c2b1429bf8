import { defineRecordKindView } from '../../app/record-kind';

export const activityView = defineRecordKindView({ icon: 'activity', home: null });
export const taskView = defineRecordKindView({ icon: 'check', home: '/today' });

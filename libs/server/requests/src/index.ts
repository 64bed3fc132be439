export { RequestsModule } from './requests.module';
export { TaskRequestsService } from './task-requests.service';
export { RequestKind, type TaskRequestKindHandler, type KindContext } from './request-kind';
export { RequestException, RequestErrorCode } from './request.exception';

import { IsIn, IsObject, IsString, Length } from 'class-validator';
import { TASK_REQUEST_KINDS, type TaskRequestKind } from '@luoshi/contracts';

/** The common part; the payload is checked by the kind's own class (whitelisted too). */
export class CreateTaskRequestDto {
  @IsIn(TASK_REQUEST_KINDS) kind!: TaskRequestKind;
  @IsString() @Length(1, 5000) reason!: string;
  @IsObject() payload!: Record<string, unknown>;
}

import type { IconDefinition } from '@ant-design/icons-angular';
import { MessageOutline, SwapOutline, UndoOutline, UserAddOutline } from '@ant-design/icons-angular/icons';

/** Icons only this area's pages use, patched in on their routes (the app's set stays as it is). */
export const REPORT_ICONS: IconDefinition[] = [MessageOutline, SwapOutline, UndoOutline, UserAddOutline];

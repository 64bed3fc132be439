import type { NzModalService } from 'ng-zorro-antd/modal';
import { of } from 'rxjs';
import { FormDialogs } from './form-dialogs';

class Dialog {}

describe('FormDialogs', () => {
  function withAnswer(answer: string | undefined) {
    const create = jest.fn(() => ({ afterClose: of(answer) }));
    return { create, dialogs: new FormDialogs({ create } as unknown as NzModalService) };
  }

  it('opens the dialog with its title, data and width, never closed by the mask', () => {
    const { create, dialogs } = withAnswer('saved');
    const seen: (string | undefined)[] = [];
    dialogs.open<string, { id: string }>(Dialog, { title: '编辑', data: { id: 'd1' }, width: 560 }).subscribe((r) => seen.push(r));
    expect(create).toHaveBeenCalledWith({ nzTitle: '编辑', nzContent: Dialog, nzData: { id: 'd1' }, nzWidth: 560, nzMaskClosable: false });
    expect(seen).toEqual(['saved']);
  });

  it('saved() emits the result, and nothing when the dialog was cancelled', () => {
    const seen: string[] = [];
    withAnswer('u1').dialogs.saved<string>(Dialog, { title: 'A', width: 520 }).subscribe((r) => seen.push(r));
    withAnswer(undefined).dialogs.saved<string>(Dialog, { title: 'B', width: 520 }).subscribe((r) => seen.push(r));
    expect(seen).toEqual(['u1']);
  });
});

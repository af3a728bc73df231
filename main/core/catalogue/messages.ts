import { kioskError } from '../errors';

/** The catalogue's refusals, in plain words (Vietnamese first). */
export const catalogueErrors = {
  notFound: (id: string) =>
    kioskError(
      'procedure-not-found',
      `Không tìm thấy thủ tục "${id}" trong danh mục của ki-ốt. Vui lòng chọn lại từ danh sách.`,
      `The kiosk's catalogue has no procedure "${id}". Please choose again from the list.`,
      'id',
    ),
  invalidItem: (index: number, id: string | null, detail: string) =>
    kioskError(
      'catalogue-invalid',
      `Danh mục thủ tục nhận từ cổng không hợp lệ ở mục ${index + 1}${id ? ` (${id})` : ''}: ${detail}. Ki-ốt giữ danh mục đang dùng.`,
      `The portal's catalogue is invalid at item ${index + 1}${id ? ` (${id})` : ''}: ${detail}. The kiosk keeps its current catalogue.`,
    ),
  empty: () =>
    kioskError(
      'catalogue-empty',
      'Danh mục thủ tục nhận từ cổng không có thủ tục nào. Ki-ốt giữ danh mục đang dùng.',
      "The portal's catalogue has no procedures. The kiosk keeps its current catalogue.",
    ),
} as const;

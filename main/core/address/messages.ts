import type { Bilingual, Problem } from '../../../preload/api';
import { kioskError } from '../errors';
import type { AddressCandidate, AddressResolution } from './resolve';

const list = (candidates: readonly AddressCandidate[]): string => candidates.map((c) => c.name).join(', ');

/**
 * What the citizen reads under an address read from a card or typed: what was found and what to do. Said
 * for every answer but a new-form address found as it is, so a proposal is never a silent guess.
 */
export function addressMessage(r: AddressResolution): Bilingual | null {
  const was = r.parts.commune ?? r.parts.district ?? 'Địa chỉ';
  const wasEn = r.parts.commune ?? r.parts.district ?? 'The address';
  switch (r.note) {
    case 'empty':
      return { vi: 'Chưa có địa chỉ.', en: 'No address was given.' };
    case 'too-long':
      return {
        vi: 'Địa chỉ quá dài. Vui lòng chọn tỉnh/thành phố và xã/phường trong danh sách.',
        en: 'The address is too long. Please choose the province and the commune from the lists.',
      };
    case 'not-found':
      return {
        vi: 'Không nhận ra địa chỉ này. Vui lòng chọn tỉnh/thành phố và xã/phường trong danh sách.',
        en: 'This address was not recognised. Please choose the province and the commune from the lists.',
      };
    case 'commune-missing':
      return {
        vi: 'Chưa rõ xã/phường. Vui lòng chọn xã/phường nơi quý vị ở trong danh sách.',
        en: 'The commune is not clear. Please choose the commune you live in from the list.',
      };
    case 'not-converted':
      return {
        vi: `${was} đã được sắp xếp trước ngày 01/7/2025 nên không có trong bảng chuyển đổi. Vui lòng chọn xã/phường mới trong danh sách.`,
        en: `${wasEn} was merged before 1 July 2025 and is not in the conversion table. Please choose the new commune from the list.`,
      };
    case 'split':
      return {
        vi: `${was} cũ nay thuộc một trong các xã/phường: ${list(r.candidates)}. Vui lòng chọn nơi ở của quý vị.`,
        en: `The former ${wasEn} is now part of one of: ${list(r.candidates)}. Please choose where you live.`,
      };
    case 'several-old':
    case 'several-new':
      if (r.candidates.length === 0)
        return {
          vi: 'Có nhiều xã/phường mang tên này. Vui lòng chọn tỉnh/thành phố và xã/phường trong danh sách.',
          en: 'Many communes have this name. Please choose the province and the commune from the lists.',
        };
      return {
        vi: `Có nhiều xã/phường mang tên này: ${list(r.candidates)}. Vui lòng chọn nơi ở của quý vị.`,
        en: `Several communes have this name: ${list(r.candidates)}. Please choose where you live.`,
      };
    case null: {
      const only = r.candidates[0];
      if (r.form !== 'old' || !only) return null;
      return {
        vi: `${was} cũ nay là ${only.name}, ${only.province}. Quý vị kiểm tra lại giúp.`,
        en: `The former ${wasEn} is now ${only.name}, ${only.province}. Please check it.`,
      };
    }
  }
}

export const addressErrors = {
  notJson: () =>
    kioskError(
      'address-dataset-not-json',
      'Tệp dữ liệu đơn vị hành chính không đọc được (không phải JSON). Không có gì thay đổi.',
      'The administrative-units file cannot be read (it is not JSON). Nothing was changed.',
      'dataset',
    ),
  invalid: (detail: string) =>
    kioskError(
      'address-dataset-invalid',
      `Tệp dữ liệu đơn vị hành chính không đúng định dạng (${detail}). Không có gì thay đổi.`,
      `The administrative-units file is not in the expected format (${detail}). Nothing was changed.`,
      'dataset',
    ),
  chain: (vi: string, en: string) =>
    kioskError(
      'address-dataset-out-of-order',
      `${vi} Không có gì thay đổi.`,
      `${en} Nothing was changed.`,
      'dataset',
    ),
  installed: (version: string) =>
    kioskError(
      'address-dataset-installed',
      `Phiên bản ${version} đã được cài. Không có gì thay đổi.`,
      `Version ${version} is already installed. Nothing was changed.`,
      'dataset',
    ),
  asOf: () =>
    kioskError(
      'invalid-date',
      'Ngày không hợp lệ: cần dạng NNNN-TT-NN, ví dụ 2026-04-30.',
      'The date is invalid: use YYYY-MM-DD, e.g. 2026-04-30.',
      'asOf',
    ),
};

/** A form's structured address that is not what the pickers give (service.ts checkAddresses). */
export const addressProblems = {
  unknown: (field: string): Problem => ({
    code: 'address-commune-unknown',
    vi: 'Địa chỉ: xã/phường đã chọn không có trong danh mục đơn vị hành chính đang dùng. Vui lòng chọn lại xã/phường.',
    en: 'Address: the commune chosen is not in the administrative units in use. Please choose the commune again.',
    field,
  }),
  mismatch: (field: string): Problem => ({
    code: 'address-commune-mismatch',
    vi: 'Địa chỉ: tên xã/phường hoặc tỉnh/thành phố không khớp với danh mục. Vui lòng chọn lại xã/phường.',
    en: 'Address: the commune or province name does not match the list. Please choose the commune again.',
    field,
  }),
  text: (field: string): Problem => ({
    code: 'address-text-mismatch',
    vi: 'Địa chỉ: địa chỉ đầy đủ không khớp với số nhà, xã/phường và tỉnh/thành phố đã chọn. Vui lòng chọn lại xã/phường.',
    en: 'Address: the full address does not match the house number, commune and province chosen. Please choose the commune again.',
    field,
  }),
};

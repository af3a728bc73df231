import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/**
 * Addresses as the e-forms store them since the 2025 reform (StructuredAddressSchema): the new commune
 * and province with their codes, the street, and the text composed from them. For specs that fill a form
 * through the bridge; `fillAddress` is the same done on screen.
 */
export const TRANG_TIEN = {
  street: 'Số 1 Tràng Tiền',
  communeCode: '00070',
  commune: 'Phường Hoàn Kiếm',
  province: 'Thành phố Hà Nội',
  provinceCode: '01',
  text: 'Số 1 Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội',
};

export const NGUYEN_HUE = {
  street: '12 Nguyễn Huệ',
  communeCode: '26740',
  commune: 'Phường Sài Gòn',
  province: 'Thành phố Hồ Chí Minh',
  provinceCode: '79',
  text: '12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh',
};

/**
 * Fills the address field `id` (`root_nguoiYeuCau_address`) with the pickers: the province, the commune
 * searched by `search` (diacritics optional), then the street.
 */
export async function fillAddress(
  page: Page,
  id: string,
  address: { province: string; commune: string; street: string },
  search: string,
): Promise<void> {
  const field = page.locator(`#${id}`);
  await field.locator(`#${id}_provinceCode`).selectOption({ label: address.province });
  await field.locator(`#${id}_communeCode`).fill(search);
  await field.locator('[data-commune]', { hasText: address.commune }).click();
  await field.locator(`#${id}_street`).fill(address.street);
  await expect(field.getByTestId('address-composed')).toContainText(address.commune);
}

export { createAddressBook, type AddressBook, type AddressAnswer, type DatasetInfo } from './service';
export { createAddressHandlers } from './handlers';
export {
  addressLine,
  addressOf,
  composeAddressText,
  isAddressObject,
  ON_CARD_LABEL,
  type AddressShown,
} from './value';

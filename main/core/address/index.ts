export { createAddressBook, type AddressBook, type AddressAnswer, type DatasetInfo } from './service';
export { createAddressHandlers } from './handlers';

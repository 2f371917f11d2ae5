import { defineWebExtConfig } from 'wxt';

// No browser opens on `wxt dev`: tests and users load the built extension themselves.
export default defineWebExtConfig({ disabled: true });

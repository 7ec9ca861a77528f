import 'i18next';
import type { AdminMessages } from '../admin/messages.js';
import type { BackOfficeMessages } from '../backoffice/messages.js';
import type { PublicMessages } from '../public-site/messages.js';
import type { AccountMessages } from '../session/messages.js';
import type { Messages } from './es.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Messages & AccountMessages & AdminMessages & BackOfficeMessages;
      public: PublicMessages;
    };
  }
}

// `@belfry/react/locales`: the shipped translations, one module each so a bundler keeps only the
// ones an app imports. Pass one to the provider: <BelfryProvider locale="de" messages={de}>.
import { enGroups } from '../groupMessages.js';
import { en, type Locale, type Messages } from '../messages.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';

export { en, ar, de, es, fr, ja };

/** Every shipped table by locale (imports all of them; for apps that switch language at runtime). */
export const MESSAGES: Record<Locale, Messages> = { en: { ...en, ...enGroups }, de, fr, es, ja, ar };

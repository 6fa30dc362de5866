// Side-effect entry: `import '@belfry/web-component/define'` registers the elements.
import { defineBelfryElements } from './defineElements.js';

defineBelfryElements();

export { defineBelfryElements };

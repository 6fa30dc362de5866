// Side-effect entry: `import '@belfry/web-component/grouped'` lets <belfry-inbox grouped> and
// <belfry-feed grouped> show one row per groupKey ("Ada, Grace and 3 others …").
import { GroupedList } from '@belfry/react/grouped';
import { registerGroupedList } from './listRegistry.js';

registerGroupedList(GroupedList);

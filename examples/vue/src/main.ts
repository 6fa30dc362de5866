import { createApp } from 'vue';
// Registers <belfry-inbox>, <belfry-feed> and <belfry-preferences>.
import '@belfry/web-component/define';
import App from './App.vue';

createApp(App).mount('#app');

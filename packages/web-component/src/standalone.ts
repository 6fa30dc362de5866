// The <script> build (dist/belfry.js): registers the elements and exposes the API as `window.Belfry`.
import './define.js';

export * from './index.js';

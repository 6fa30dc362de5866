// The <script> build with grouped feeds (dist/belfry-grouped.js): belfry.js plus the grouped list.
import './grouped.js';

export * from './standalone.js';

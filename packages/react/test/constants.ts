export const APP = 'reacttest';
export const SECRET = 'sk_test_react';

// Styles of the host elements themselves. Theme tokens are not set here: --belfry-* properties set on
// the page (or on the element) inherit through the shadow boundary into the UI.
export const hostStyles =
  ':host{display:block}' +
  ':host(belfry-inbox){display:inline-block}' +
  ':host([hidden]){display:none}' +
  '.belfry-element{display:contents}';

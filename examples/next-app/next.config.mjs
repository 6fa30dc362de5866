/** @type {import('next').NextConfig} */
const nextConfig = {
  // The repository is an npm workspace: its root (where the lockfile is) is the project root.
  turbopack: { root: new URL('../..', import.meta.url).pathname },
};

export default nextConfig;

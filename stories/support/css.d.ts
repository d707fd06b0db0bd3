// Side-effect imports of style sheets (Vite bundles them); TypeScript only needs to know they exist.
declare module '*.css'

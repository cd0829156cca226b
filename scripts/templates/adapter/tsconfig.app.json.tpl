{
  "extends": "../../tsconfig.build.json",
  "compilerOptions": { "outDir": "../../dist/apps/adapter-__AGENCY__" },
  "include": ["src/**/*", "../../libs/**/*"],
  "exclude": ["node_modules", "dist", "test", "**/*.spec.ts", "../../libs/**/*.spec.ts"]
}

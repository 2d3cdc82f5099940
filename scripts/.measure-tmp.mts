import { measureBundle, everyExportOf } from './lib/bundle-size.js'
for (const v of ['datalab']) console.log(v, await measureBundle(everyExportOf(`/work/wt-http/packages/${v}/dist/index.js`), `/work/wt-http/packages/${v}`))

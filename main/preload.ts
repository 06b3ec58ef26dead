import { exposeApi, type PreloadElectron } from './preload/exposeApi';

// Sandboxed preloads may require 'electron' and nothing else; everything else is bundled in.
exposeApi(require('electron') as PreloadElectron);

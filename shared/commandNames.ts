import type { CommandName } from './ipc';

// Kept apart from the zod contract so the sandboxed preload can list the channels it exposes
// without bundling zod; a unit test checks it against the contract's keys.
export const commandNames = [
  'app:info',
  'settings:get',
  'settings:set',
  'forums:list',
  'forums:get',
  'forums:overview',
  'forums:create',
  'forums:update',
  'demo:create',
  'prose:choose',
  'device:get',
  'device:rename',
  'devices:peers',
  'bundle:export',
  'bundle:preview',
  'bundle:import',
  'bundle:progress',
  'agenda:get',
  'sessions:create',
  'sessions:update',
  'sessions:setDeleted',
  'agenda:setMe',
  'participants:query',
  'participants:get',
  'participants:create',
  'participants:update',
  'participants:setDeleted',
  'participants:checkIn',
  'participants:export',
  'participants:importPreview',
  'participants:import',
  'stats:get',
] as const satisfies readonly CommandName[];

export const ipcChannel = (name: CommandName): string => `plenary:${name}`;

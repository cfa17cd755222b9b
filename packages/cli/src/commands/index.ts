import type { Command } from '../command.ts';
import { listCommand } from './list.ts';

/** Every command, in the order `charter --help` lists them. Add a command by adding its file here. */
export const commands: readonly Command[] = [listCommand];

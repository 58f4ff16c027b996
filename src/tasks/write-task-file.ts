import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Writes a task file. Without `overwrite` an existing file is never touched: the file is created
// exclusively ("wx"), so even a file that appears meanwhile is safe. With it, the new text goes to a
// temporary file first and replaces the old one in one rename, so a crash leaves one or the other.
export async function writeTaskFile(absPath: string, text: string, options: { overwrite: boolean }): Promise<'written' | 'exists'> {
  await mkdir(path.dirname(absPath), { recursive: true });
  if (options.overwrite) {
    const temp = `${absPath}.dwsync-${randomUUID()}.tmp`;
    try {
      await writeFile(temp, text, { flag: 'wx' });
      await rename(temp, absPath);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    return 'written';
  }
  let handle;
  try {
    handle = await open(absPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close();
    await unlink(absPath).catch(() => {}); // a half-written file of ours, not the user's
    throw error;
  }
  await handle.close();
  return 'written';
}

/** The part of unzipper (exceljs' zip reader) the workbook import uses: an archive opened through its central directory. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(password?: string): Readable;
  }
  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }
  export const Open: {
    buffer(data: Buffer): Promise<CentralDirectory>;
    file(path: string): Promise<CentralDirectory>;
  };
}

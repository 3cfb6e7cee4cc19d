/** Opening the database failed in a way the user must hear about, with the file named. */
export class DatabaseOpenError extends Error {
  readonly file: string;
  readonly backup: string | null;

  constructor(file: string, message: string, backup: string | null = null) {
    super(backup ? `${message} The latest backup is ${backup}.` : message);
    this.name = 'DatabaseOpenError';
    this.file = file;
    this.backup = backup;
  }
}

/** Why a file was refused (import or restore): the file, the reason, where in the file, and that nothing changed. */
export interface RefusalAlertProps {
  title: string;
  fileName: string;
  message: string;
  /** Already worded, e.g. "Where in the file: $.payload…"; null when the file as a whole is at fault. */
  where: string | null;
  nothingChanged: string;
}

export function RefusalAlert({ title, fileName, message, where, nothingChanged }: RefusalAlertProps) {
  return (
    <div className="sync-alert" role="alert">
      <h2>{title}</h2>
      {fileName !== '' && (
        <p>
          <strong>{fileName}</strong>
        </p>
      )}
      <p>{message}</p>
      {where && <p className="sync-path">{where}</p>}
      <p>{nothingChanged}</p>
    </div>
  );
}

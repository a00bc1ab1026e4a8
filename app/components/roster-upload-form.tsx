import { Form, useNavigate } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { rosterLimitsSentence } from "~/modules/people/roster-limits";

type Progress = { phase: "idle" } | { phase: "uploading"; percent: number } | { phase: "checking" };

/**
 * A plain multipart form that works without JavaScript. With it, the upload goes through XHR so
 * that large files show how far the upload and the check have come.
 */
export function RosterUploadForm({ uploadUrl, error }: { uploadUrl: string; error?: string }) {
  const navigate = useNavigate();
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [clientError, setClientError] = useState<string>();
  const shownError = clientError ?? error;

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setClientError("Choose a CSV file to upload.");
      return;
    }
    setClientError(undefined);
    const request = new XMLHttpRequest();
    request.open("POST", uploadUrl);
    request.responseType = "json";
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) {
        setProgress({ phase: "uploading", percent: Math.round((progressEvent.loaded / progressEvent.total) * 100) });
      }
    };
    request.upload.onload = () => setProgress({ phase: "checking" });
    request.onload = () => {
      const body = request.response as { redirectTo?: string; error?: string } | null;
      if (body?.redirectTo) return navigate(body.redirectTo);
      setProgress({ phase: "idle" });
      setClientError(body?.error ?? "The upload failed. Try again.");
    };
    request.onerror = () => {
      setProgress({ phase: "idle" });
      setClientError("The upload failed: check your connection and try again.");
    };
    setProgress({ phase: "uploading", percent: 0 });
    request.send(formData);
  }

  const busy = progress.phase !== "idle";
  return (
    <Form method="post" encType="multipart/form-data" onSubmit={upload} className="space-y-5">
      <div>
        <label htmlFor="file" className="label">
          Roster file (CSV)
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          required
          className="mt-2 block w-full text-sm file:mr-4 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:font-semibold file:text-indigo-800 hover:file:bg-indigo-100"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? "file-error" : "file-hint"}
        />
        <p id="file-hint" className="hint">
          {rosterLimitsSentence}
        </p>
        {shownError ? (
          <p id="file-error" role="alert" className="field-error">
            {shownError}
          </p>
        ) : null}
      </div>
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="deactivateMissing" className="mt-1" />
        <span>
          <strong>Deactivate people missing from this file.</strong>
          <span className="block text-slate-600">
            They are never deleted: their past survey results stay, but they will not be invited or nominated again.
          </span>
        </span>
      </label>
      {busy ? (
        <div role="status" aria-live="polite" className="space-y-2">
          <p className="text-sm font-medium">
            {progress.phase === "uploading" ? `Uploading… ${progress.percent}%` : "Checking every row…"}
          </p>
          <div className="h-2 overflow-hidden rounded bg-slate-200">
            <div
              className={`h-full bg-indigo-600 ${progress.phase === "checking" ? "w-full animate-pulse" : ""}`}
              style={progress.phase === "uploading" ? { width: `${progress.percent}%` } : undefined}
            />
          </div>
        </div>
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy}>
        Upload and preview
      </button>
    </Form>
  );
}

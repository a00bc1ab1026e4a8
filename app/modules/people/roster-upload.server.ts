import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

import { plainText } from "~/modules/forms";
import { MAX_ROSTER_BYTES, rosterTooLargeMessage } from "./roster-limits";

export type RosterUpload =
  | { ok: true; fileName: string; bytes: Uint8Array; deactivateMissing: boolean }
  | { ok: false; status: number; message: string };

/** The uploaded file and options, or a message for the form: never an exception for odd input. */
export async function readRosterUpload(request: Request): Promise<RosterUpload> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { ok: false, status: 400, message: "Choose a CSV file to upload." };
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ROSTER_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, status: 413, message: rosterTooLargeMessage };
    }
    return { ok: false, status: 400, message: "The upload did not arrive complete. Try again." };
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, status: 400, message: file instanceof File && file.name ? "The file is empty." : "Choose a CSV file to upload." };
  }
  return {
    ok: true,
    // A browser sends the name as the file system has it; only its printable part is kept.
    fileName: plainText(file.name),
    bytes: new Uint8Array(await file.arrayBuffer()),
    deactivateMissing: formData.get("deactivateMissing") === "on",
  };
}

/** Messages of the upload area; the other locales have exactly these keys (parity.test.ts). */
export const uploadEn = {
  "upload.error.too_large": "The upload is larger than the limit of {limit} bytes.",
  "upload.error.zip_entries": "The zip holds {count} entries; at most {limit} are accepted.",
  "upload.error.zip_total": "The zip would unpack to more than {limit} bytes.",
  "upload.error.zip_ratio":
    "A zip entry is compressed {ratio} to 1; at most {limit} to 1 is accepted, so the zip is refused as a possible zip bomb.",
  "upload.error.zip_size_mismatch": "The zip entry {name} unpacks to more data than its header declares.",
  "upload.error.zip_invalid": "The file is not a readable zip archive.",
  "upload.error.unsafe_name": "The file name {name} is not allowed.",
  "upload.error.bad_extension":
    "{name}: only .csv, .ndjson, .json, .yaml and .yml files (or one .zip of them) can be uploaded.",
  "upload.error.duplicate_name": "Two uploaded files are both named {name}.",
  "upload.error.no_files": "The upload holds no data files: add them under files (or one .zip).",
  "upload.error.mapping_path":
    "The mapping names the file {name}; in an upload it may only name uploaded files by their plain name.",
  "upload.error.not_multipart": "Send the files as multipart/form-data.",
  "upload.error.unknown_job": "There is no import job with this id; jobs are kept until the server restarts.",
  "upload.rowError": "{place}: {reason}",
} as const;

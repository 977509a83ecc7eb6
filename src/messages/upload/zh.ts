import type { uploadEn } from "./en.js";

export const uploadZh = {
  "upload.error.too_large": "上传内容超过 {limit} 字节的上限。",
  "upload.error.zip_entries": "该 zip 含有 {count} 个条目；最多接受 {limit} 个。",
  "upload.error.zip_total": "该 zip 解压后将超过 {limit} 字节。",
  "upload.error.zip_ratio":
    "某个 zip 条目的压缩比为 {ratio} 比 1；最多接受 {limit} 比 1，因此该文件被视为可能的 zip 炸弹而被拒绝。",
  "upload.error.zip_size_mismatch": "zip 条目 {name} 解压后的数据多于其文件头声明的大小。",
  "upload.error.zip_invalid": "该文件不是可读取的 zip 压缩包。",
  "upload.error.unsafe_name": "不允许使用文件名 {name}。",
  "upload.error.bad_extension":
    "{name}：只能上传 .csv、.ndjson、.json、.yaml 和 .yml 文件（或包含它们的一个 .zip）。",
  "upload.error.duplicate_name": "有两个上传的文件都名为 {name}。",
  "upload.error.no_files": "上传内容中没有数据文件：请通过 files 添加（或一个 .zip）。",
  "upload.error.mapping_path": "映射文件引用了文件 {name}；在上传中只能用纯文件名引用已上传的文件。",
  "upload.error.not_multipart": "请以 multipart/form-data 格式发送文件。",
  "upload.error.unknown_job": "不存在该 ID 的导入任务；任务会保留到服务器重启为止。",
  "upload.rowError": "{place}：{reason}",
} as const satisfies Record<keyof typeof uploadEn, string>;

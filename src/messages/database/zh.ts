import type { databaseEn } from "./en.js";

export const databaseZh = {
  "database.error.unreadable": "无法读取 {file}：{detail}。",
  "database.error.unreadable.fix": "请检查该路径及其权限。",
  "database.error.notFound": "数据库 {file} 不存在。",
  "database.error.notFound.fix":
    "请检查 --db 路径（或 CRM_KPI_DB）是否拼写有误，或先创建数据库：crm-kpi import <dir> --db {file}。",
  "database.error.badExtension": "crm-kpi 只会以 .duckdb 或 .db 结尾的文件名创建新数据库，而 {file} 不是。",
  "database.error.badExtension.fix":
    "请指定数据库文件名，例如 --db crm-kpi.duckdb；要导入的数据文件放在文件夹参数中：crm-kpi import <dir> --db crm-kpi.duckdb。",
  "database.error.isDirectory": "{file} 是文件夹，不是数据库文件。",
  "database.error.isDirectory.fix": "请指定其中的一个文件，例如 --db {file}/crm-kpi.duckdb。",
  "database.error.notDuckDB": "{file} 不是 DuckDB 数据库文件（可能是 CSV 之类的数据文件）。",
  "database.error.notDuckDB.fix":
    "请给 --db 传入一个 .duckdb 文件；要导入的数据文件放在文件夹参数中：crm-kpi import <dir> --db crm-kpi.duckdb。",
  "database.error.readOnlyFile": "数据库 {file} 是只读的，而此命令需要写入。",
  "database.error.readOnlyFile.fix": "请给自己写权限（chmod u+w {file}），或运行只读的命令，例如 report。",
  "database.error.foreign":
    "{file} 是 DuckDB 数据库，但不是 crm-kpi 的数据库（其中有 {tables} 个自己的表）。",
  "database.error.foreign.fix": "crm-kpi 把数据保存在自己的文件中：请传入新路径，例如 --db crm-kpi.duckdb。",
  "database.error.empty": "数据库 {file} 中还没有 crm-kpi 数据。",
  "database.error.empty.fix": "请先导入数据：crm-kpi import <dir> --db {file}。",
  "database.error.locked": "数据库 {file} 正被另一个进程使用（pid {pid}）；已等待 {seconds} 秒。",
  "database.error.locked.fix":
    "请等该进程（导入或写入）结束后重试，或用 --wait <seconds> 等待更久。只读命令可以同时运行，但不能在另一个进程写入时运行。",
  "database.error.lockedNoPid": "数据库 {file} 正被另一个进程使用；已等待 {seconds} 秒。",
  "database.error.lockedNoPid.fix": "请等该进程结束后重试，或用 --wait <seconds> 等待更久。",
  "database.error.badWait": "--wait 的值“{value}”不是秒数（0 或更大）。",
  "database.error.badWait.fix": "请传入秒数，例如 --wait 30（0 表示立即失败）。",
  "database.option.wait": "另一个进程占用数据库时等待的秒数（默认：$CRM_KPI_WAIT 或 5）",
  "database.demo.notEmpty":
    "数据库 {file} 中已有数据（{rows} 行）；demo 只写入新的或空的数据库，以免其数据与您的数据混在一起。",
  "database.demo.notEmpty.fix":
    "请在新文件上运行演示，例如 crm-kpi demo --db demo.duckdb，或删除 {file} 后重新开始。",
  "database.error.postgresUnreachable": "无法连接 PostgreSQL 数据库 {file}：{detail}。",
  "database.error.postgresUnreachable.fix":
    "请检查地址（postgres://user@host:port/database），并确认服务器正在运行且允许您连接；密码写在地址中或 PGPASSWORD 里。",
  "database.error.foreignPostgres":
    "PostgreSQL 数据库 {file} 不是 crm-kpi 的数据库（其模式中有 {tables} 个自己的表）。",
  "error.database_busy":
    "另一个 crm-kpi 命令或服务器正在写入这个 PostgreSQL 数据库（导入或其他写入）；已等待 {seconds} 秒。",
  "error.database_busy.fix":
    "请等该写入结束后重试，或用 --wait <seconds>（或 CRM_KPI_WAIT）等待更久。其间报告和其他读取照常进行，看到的是写入之前的数据。",
  "database.error.foreignPostgres.fix":
    "请为 crm-kpi 单独建一个数据库（createdb crm_kpi），并传入其地址，例如 --db postgres://user@host/crm_kpi。",
} as const satisfies Record<keyof typeof databaseEn, string>;

-- Imported lessons may be in any language: the column holds a BCP 47 tag ("ar", "zh-Hant-TW"), up to the
-- 35 characters BCP 47 asks implementations to support, not only the interface's two-letter codes.
alter table imported_lesson alter column language set data type varchar(35);

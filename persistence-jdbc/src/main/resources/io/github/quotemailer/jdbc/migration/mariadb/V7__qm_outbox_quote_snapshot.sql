-- QuoteMailer schema version 7 for MariaDB 10.6 or newer and MySQL 8.0 or newer: queued quotes are stored, not their PDFs.
--
-- QuoteMailer.enqueue stores the quote itself as a versioned JSON snapshot in quote_snapshot
-- ({"snapshotVersion":1,"quote":{...}}, the quote in the README's quote JSON format), a few KB
-- instead of a ~50 KB PDF; the worker renders it when it sends, as of enqueued_at, so every
-- attempt attaches the same bytes. A row with a snapshot holds an empty pdf.
-- Nothing is converted: rows queued before this version keep their rendered pdf and a null
-- quote_snapshot, and are sent as they are. pdf stays "not null" so that no database has to
-- rewrite the table; adding a nullable column without a default rewrites no rows.
alter table qm_outbox add column quote_snapshot mediumtext null;

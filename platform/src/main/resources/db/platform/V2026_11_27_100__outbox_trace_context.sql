-- The W3C trace context of the transaction that wrote an outbox row, in the column and format of
-- Debezium's outbox event router (tracingspancontext: java.util.Properties text such as
-- "traceparent=00-<trace id>-<span id>-01"). The relay continues the trace from it when it
-- publishes, so one trace runs from the HTTP request through Kafka into the consuming service.
-- NULL where tracing was off when the row was written.
-- (Version 100: after every service migration of this day, so a database that has those applies it.)
ALTER TABLE outbox_event ADD COLUMN tracingspancontext varchar(512);

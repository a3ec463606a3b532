-- V1 of db/spanner-test edited after it was applied, which SpannerSchema must refuse.
CREATE TABLE things (
    id    bigint        NOT NULL PRIMARY KEY,
    name  varchar(128)  NOT NULL
);

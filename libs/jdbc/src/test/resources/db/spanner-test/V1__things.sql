-- A schema for SpannerSchemaTest: two versions, each a DDL batch.
CREATE TABLE things (
    id    bigint       NOT NULL PRIMARY KEY,
    name  varchar(64)  NOT NULL
);

-- Issue 14, item 8: the prosecutor acknowledges receiving a document addressed to their
-- office (who, when); the Bapas sees it beside the document.
CREATE TABLE document_receipts (
    document_id BIGINT PRIMARY KEY REFERENCES issued_documents(id),
    received_by BIGINT NOT NULL REFERENCES users(id),
    received_at TEXT NOT NULL
);

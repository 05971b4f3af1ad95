-- Full-text index of the FAQ for the chatbot. The text is folded by the application
-- (foldVietnamese: no diacritics, đ → d, lower case) and written in the same transaction as the
-- faq_entries row, with rowid = faq_entries.id. unicode61 also strips any diacritic left over.
CREATE VIRTUAL TABLE `faq_fts` USING fts5(`text`, tokenize = 'unicode61 remove_diacritics 2');

package io.energywatch.localmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Optional;

/**
 * An H2 collection that finds a query naming an {@code _id} (a value or {@code $in}) beside other fields through the
 * {@code _id} index, then matches the whole query on those documents, as MongoDB does. mongo-java-server uses an index
 * only when the query's fields are exactly the index's, so ingestion's optimistic bucket update
 * ({@code {$and: [{_id}, {v}]}}) and every conditional update by id read the whole collection: a write got slower with
 * every document stored, and the raw buckets collection grows with every reading.
 */
final class IdNarrowedCollection extends H2Collection {

    static final String ID = "_id";

    IdNarrowedCollection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Optional<Document> idCondition = idConjunct(query);
        if (idCondition.isPresent()) {
            Document byId = idCondition.get();
            for (Index<Object> index : getIndexes()) {
                // canHandle refuses operators other than $in, so a range on _id still takes the plain path.
                if (index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The query's condition on {@code _id} when every match must meet it: a top-level {@code _id} beside other fields,
     * or one clause of a top-level {@code $and} (the Java driver writes {@code Filters.and} so). Empty otherwise, and for
     * {@code _id} alone, which the index takes as it is.
     */
    static Optional<Document> idConjunct(Document query) {
        if (query.containsKey(ID)) {
            return query.size() > 1 ? Optional.of(new Document(ID, query.get(ID))) : Optional.empty();
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document d && d.size() == 1 && d.containsKey(ID)) {
                    return Optional.of(new Document(ID, d.get(ID)));
                }
            }
        }
        return Optional.empty();
    }
}

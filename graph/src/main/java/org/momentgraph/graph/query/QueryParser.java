package org.momentgraph.graph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Parses a moment query ("Sheldon sits down in his spot on the couch.") into a {@link QueryGraph}
 * with OpenNLP's Universal Dependencies English tokenizer and POS tagger (models read from the
 * classpath, from {@code opennlp-models-tokenizer-en} and {@code opennlp-models-pos-en}) and the
 * word-order heuristics of {@link QueryGraphBuilder}.
 *
 * <pre>{@code
 * QueryParser parser = QueryParser.load();
 * QueryGraph g = parser.parse("person puts a cup on the table then sits down.");
 * g.triples();   // [person -put-> cup, cup -on-> table]
 * }</pre>
 *
 * <p>Thread-safe: the models are shared, and each thread gets its own tokenizer and tagger.
 */
public final class QueryParser {

    public static final String TOKENIZER_RESOURCE = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    public static final String POS_RESOURCE = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;

    private QueryParser(TokenizerModel tokenizerModel, POSModel posModel) {
        this.tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenizerModel));
        this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
    }

    /** Loads both models from the classpath (about 1.5 MB; do it once and share the parser). */
    public static QueryParser load() {
        try (InputStream tok = resource(TOKENIZER_RESOURCE); InputStream pos = resource(POS_RESOURCE)) {
            return new QueryParser(new TokenizerModel(tok), new POSModel(pos));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP models: " + e.getMessage(), e);
        }
    }

    /** Parses a query; nodes get no features. */
    public QueryGraph parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a query and, when {@code embedder} is not null, gives every node the mean of its words'
     * vectors (the embedder sees the whole token list once).
     */
    public QueryGraph parse(String text, WordEmbedder embedder) {
        if (text == null) {
            throw new IllegalArgumentException("query text is null");
        }
        String[] tokens = TagRepair.splitTokens(tokenizer.get().tokenize(text.strip()));
        String[] tags = tokens.length == 0 ? new String[0] : tagger.get().tag(tokens);
        TagRepair.repair(tokens, tags);
        TaggedTokens tt = new TaggedTokens(tokens, tags);
        return new QueryGraphBuilder(tt).build().build(text, embedder);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = QueryParser.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("classpath resource " + name + " missing: add org.apache.opennlp:"
                    + (name.contains("pos") ? "opennlp-models-pos-en" : "opennlp-models-tokenizer-en") + ":1.3.0");
        }
        return in;
    }
}

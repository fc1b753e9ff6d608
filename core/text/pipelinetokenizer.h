#pragma once

#include <memory>
#include <unordered_set>

#include "addedvocabulary.h"
#include "decoders.h"
#include "model.h"
#include "normalizers.h"
#include "postprocessors.h"
#include "pretokenizers.h"
#include "tokenizer.h"

namespace ft::text {

// The Hugging Face tokenizers pipeline: added tokens matched in raw text, normalizer,
// added tokens matched in normalized text, pre-tokenizer, model, post-processor and
// decoder. Built from a tokenizer.json (tokenizerjson.h) or from vocabulary files
// (loader.h). Every component but the model may be null. Immutable after set-up;
// encode / decode are thread-safe.
class PipelineTokenizer : public Tokenizer {
public:
    explicit PipelineTokenizer(std::unique_ptr<Model> model);

    void setNormalizer(std::unique_ptr<Normalizer> n) { m_normalizer = std::move(n); }
    void setPreTokenizer(std::unique_ptr<PreTokenizer> p) { m_preTokenizer = std::move(p); }
    void setPostProcessor(std::unique_ptr<PostProcessor> p) { m_postProcessor = std::move(p); }
    void setDecoder(std::unique_ptr<Decoder> d) { m_decoder = std::move(d); }
    // Call after setNormalizer: normalized tokens are matched in normalized form.
    void addToken(const AddedToken& token);
    // Ids decode skips with skipSpecialTokens besides the special added tokens.
    void markSpecialId(int32_t id);

    const Model& model() const { return *m_model; }
    const AddedVocabulary& addedVocabulary() const { return m_added; }
    const PostProcessor* postProcessor() const { return m_postProcessor.get(); }

    std::string decode(const std::vector<int32_t>& ids,
                       bool skipSpecialTokens = true) const override;
    int32_t tokenToId(std::string_view token) const override;
    std::string idToToken(int32_t id) const override;
    size_t vocabSize() const override;
    size_t numSpecialTokensToAdd(bool pair) const override;

protected:
    Encoding encodeSequence(std::string_view text, int32_t typeId,
                            int32_t sequenceId) const override;
    Encoding addSpecialTokens(Encoding a, const Encoding* b) const override;

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<Normalizer> m_normalizer;
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::unique_ptr<PostProcessor> m_postProcessor;
    std::unique_ptr<Decoder> m_decoder;
    AddedVocabulary m_added;
    std::unordered_set<int32_t> m_specialIds;
};

}  // namespace ft::text

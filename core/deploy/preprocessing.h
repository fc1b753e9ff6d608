#pragma once

#include <optional>
#include <string>

#include "data/cleaner.h"

// preprocessing.json in an exported model folder: the cleaning pipeline the model was
// trained on, applied again by `finetune predict` and `finetune serve` so a text reaches
// the model as the training rows did. Torch-free.
//
//   {"format": "finetune-studio/preprocessing", "version": 1,
//    "cleaning": <data::Pipeline::toJson()> | null}
namespace ft::deploy {

struct Preprocessing {
    std::optional<data::Pipeline> cleaning;  // nullopt: texts go to the model as they are

    // The text the model sees (the pipeline's text steps; the row-dropping steps do not
    // apply to a single text).
    std::string apply(const std::string& text) const;
    std::string toJson() const;
};

// Reads folder/preprocessing.json. A folder without one gets the identity (a plain
// Hugging Face folder); a file that is malformed, of another format or a newer version
// throws ft::Error (Parse) naming the file and the key.
Preprocessing loadPreprocessing(const std::string& folder);
// Writes folder/preprocessing.json (atomically: a temporary file renamed).
void writePreprocessing(const std::string& folder, const Preprocessing& p);

}  // namespace ft::deploy

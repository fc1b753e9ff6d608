#pragma once

#include <string>
#include <vector>

// The models a user already has: checkpoint folders in the Hugging Face hub cache, laid out
// as huggingface_hub writes them:
//
//   <hub>/models--<org>--<name>/refs/main               the commit hash of "main"
//   <hub>/models--<org>--<name>/snapshots/<hash>/...    files (symlinks into blobs/)
//
// Torch-free and Qt-free; only reads the file system (config.json of each snapshot).
namespace ft::models {

struct CatalogEntry {
    std::string repoId;         // "org/name", or "name" for models--name
    std::string folder;         // the resolved snapshot folder, the one Model::open takes
    std::string revision;       // the snapshot's folder name (a commit hash)
    std::string modelType;      // config.json's model_type ("" when missing)
    std::string architecture;   // config.json's architectures[0] ("" when missing)
    bool hasWeights = false;    // model.safetensors, a sharded index or pytorch_model.bin
    bool hasTokenizer = false;  // tokenizer.json, vocab.txt, vocab.json or spiece.model
    // Why Model::open will refuse it ("" when config.json validates): the config's own
    // error, e.g. an unsupported model_type, or the missing weights.
    std::string problem;
};

// The hub cache folders to look in, existing ones only, without duplicates, in this order:
// $HUGGINGFACE_HUB_CACHE, $HF_HUB_CACHE, $HF_HOME/hub, $XDG_CACHE_HOME/huggingface/hub,
// ~/.cache/huggingface/hub.
std::vector<std::string> huggingFaceCacheDirs();

// The snapshot folder a models--* folder stands for: the one refs/main names when it
// exists and has a config.json, otherwise the most recently modified snapshot with a
// config.json. "" when there is none.
std::string resolveSnapshot(const std::string& repoFolder);

// Every models--* folder of one hub cache folder whose resolved snapshot has a
// config.json, sorted by repoId. Unreadable entries are listed with a problem, never
// thrown; a missing hubDir gives an empty list.
std::vector<CatalogEntry> scanHubCache(const std::string& hubDir);

// scanHubCache over huggingFaceCacheDirs(); a repo found in two caches is listed once
// (the first).
std::vector<CatalogEntry> findCachedModels();

// Describes a checkpoint folder the same way (repoId = the folder's name, revision "").
CatalogEntry describeFolder(const std::string& folder);

}  // namespace ft::models

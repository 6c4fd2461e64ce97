"""The informal ("je") variants of the regional texts, and picking one register.

IPDC gives every text of a service in a formal and an informal variant
(``nl-be-x-formal`` / ``nl-be-x-informal``). A regional service stores the informal one
beside the formal: as a field (``description_informal``) or, in a stream item, as a key
(``title_informal``). A site shows its register's text, falling back to the other.
"""

# A text's informal ("je") variant is stored beside it under this suffix: a field of the
# regional service (``description_informal``), a key of a stream item (``title_informal``).
INFORMAL = "_informal"


def variant(value, key, informal):
    """``value[key]`` in the register asked for, falling back to the other register."""
    formal_text = value.get(key) or ""
    informal_text = value.get(key + INFORMAL) or ""
    if informal:
        return informal_text or formal_text
    return formal_text or informal_text


def without_variants(value):
    """Stream data without the informal keys (recursively): the facts themselves."""
    if isinstance(value, dict):
        return {
            key: without_variants(item) for key, item in value.items() if not key.endswith(INFORMAL)
        }
    if isinstance(value, list):
        return [without_variants(item) for item in value]
    return value


def texts(value, informal, keys=("title", "description")):
    return {key: variant(value, key, informal) for key in keys}


def in_register(stream, informal):
    """A stream's items with their texts in one register, as plain data shaped like the
    stream's (``item.value.title`` in a template): requirements (with their evidence),
    steps and financial advantages."""
    items = []
    for child in stream or ():
        value = texts(child.value, informal)
        if "evidence" in child.value:
            value["evidence"] = [texts(e, informal) for e in child.value["evidence"]]
        items.append({"type": child.block_type, "id": child.id, "value": value})
    return items

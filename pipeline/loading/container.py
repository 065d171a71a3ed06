"""What a file really is, and whether a workbook archive is safe to hand to calamine.

The suffix is only a hint: WPS and 教务 systems often save one format under another's
name (an HTML table as ``.xls``, a legacy workbook as ``.xlsx``), so the first bytes
decide how the file is read. An ``.xlsx`` is a zip archive of XML parts. Before calamine
opens one, the zip directory is checked for sizes and compression ratios, and every XML
part for DOCTYPE and ENTITY declarations. None of this decompresses more than a few KB
of each part.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from pipeline.loading.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECK_MIN_BYTES,
    XML_PROLOG_BYTES,
)
from pipeline.loading.rejection import FileRejected

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
# OLE compound file: legacy .xls, and also what Excel writes for a password-protected .xlsx.
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream an encrypted OOXML file keeps inside its compound file, as UTF-16 text.
ENCRYPTED_PACKAGE_NAME = "EncryptedPackage".encode("utf-16-le")

# Errors the zip module raises on truncated or corrupt archives.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
    NotImplementedError,  # a compression method the zip module lacks
)

_XML_PART_SUFFIXES = (".xml", ".rels", ".vml")
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT_ELEMENT = re.compile(r"<[A-Za-z_]")
_MARKUP_START = re.compile(rb"^\s*<", re.IGNORECASE)
_OFFICE_DOCUMENT = "/officeDocument"


def sniff_container(path: Path) -> str:
    """Return ``zip``, ``cfb``, ``markup`` (HTML or XML saved as .xls) or ``other``."""
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "zip"
    if head.startswith(CFB_MAGIC):
        return "cfb"
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00")
    if _MARKUP_START.match(stripped):
        return "markup"
    return "other"


def is_encrypted_package(path: Path) -> bool:
    """Return True when a compound file contains an encrypted OOXML workbook."""
    return ENCRYPTED_PACKAGE_NAME in path.read_bytes()


class WorkbookArchive:
    """An ``.xlsx``/``.xlsm`` zip archive, checked before anything parses its XML."""

    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(path)
        except ZIP_ERRORS as error:
            raise FileRejected("unreadable_file", "incomplete") from error

    def close(self) -> None:
        self.zip.close()

    def check(self) -> None:
        """Raise :class:`FileRejected` unless sizes, ratios and XML prologs are safe."""
        members = self.zip.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise FileRejected("unsafe_file", "too_many_parts", count=len(members), limit=MAX_ZIP_MEMBERS)

        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED_BYTES:
            limit = _megabytes(MAX_UNCOMPRESSED_BYTES)
            raise FileRejected("file_too_large", "bytes", size_mb=_megabytes(total), limit_mb=limit)
        for member in members:
            if member.flag_bits & 0x1:
                raise FileRejected("unreadable_file", "encrypted")
            if member.file_size >= RATIO_CHECK_MIN_BYTES and member.file_size > MAX_COMPRESSION_RATIO * max(
                member.compress_size, 1
            ):
                raise FileRejected("unsafe_file", "compression_ratio", part=member.filename)

        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names:
            raise FileRejected("unreadable_file", "not_a_workbook")
        for member in members:
            if member.filename.lower().endswith(_XML_PART_SUFFIXES):
                self._check_prolog(member)

    def _check_prolog(self, member: zipfile.ZipInfo) -> None:
        try:
            with self.zip.open(member) as stream:
                head = stream.read(XML_PROLOG_BYTES)
        except ZIP_ERRORS as error:
            raise FileRejected("unreadable_file", "incomplete") from error

        text = _decode_prolog(head)
        if _DECLARATION.search(text):
            raise FileRejected("unsafe_file", "xml_declaration", part=member.filename)
        # DOCTYPE may only come before the root element; a prolog longer than the window
        # could hide one, and no office program writes such a prolog.
        if len(head) == XML_PROLOG_BYTES and not _ROOT_ELEMENT.search(text):
            raise FileRejected("unsafe_file", "xml_declaration", part=member.filename)

    def sheet_parts(self) -> dict[str, str]:
        """Return sheet name -> path of its XML part inside the archive.

        Returns an empty dict when the workbook's relationships cannot be followed; the
        sheets are then read without the scan for hidden rows and formulas.
        """
        try:
            workbook_part = self._workbook_part()
            workbook = ElementTree.fromstring(self.zip.read(workbook_part))
            relationships = self._relationships(workbook_part)
        except (KeyError, ElementTree.ParseError, DefusedXmlException, *ZIP_ERRORS):
            return {}

        parts = {}
        for element in workbook.iter():
            if _local_name(element.tag) != "sheet":
                continue
            name = element.get("name")
            relation_id = _relationship_id(element.attrib)
            if name is not None and relation_id in relationships:
                parts[name] = relationships[relation_id]
        return parts

    def _workbook_part(self) -> str:
        package_relations = self._read_relationships("_rels/.rels", "")
        for target, kind in package_relations.values():
            if kind.endswith(_OFFICE_DOCUMENT):
                return target
        return "xl/workbook.xml"

    def _relationships(self, part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        relations = self._read_relationships(posixpath.join(folder, "_rels", f"{name}.rels"), folder)
        return {relation_id: target for relation_id, (target, _) in relations.items()}

    def _read_relationships(self, rels_part: str, base_folder: str) -> dict[str, tuple[str, str]]:
        """Return relationship id -> (archive path of the target, relationship type)."""
        root = ElementTree.fromstring(self.zip.read(rels_part))
        relations = {}
        for element in root:
            target = element.get("Target", "")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(base_folder, target))
            relations[element.get("Id", "")] = (path, element.get("Type", ""))
        return relations


def _decode_prolog(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _relationship_id(attributes: dict[str, str]) -> str | None:
    """Return the ``r:id`` attribute, whatever prefix the file gives its namespace."""
    for key, value in attributes.items():
        if key.startswith("{") and _local_name(key) == "id":
            return value
    return None


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _megabytes(size: int) -> int:
    return round(size / (1024 * 1024))

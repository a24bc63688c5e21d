// The protobufjs runtime the generated code imports (pbjs --dependency). The
// code is generated with --force-number; switching Long off here, before any
// message type exists, makes every 64-bit field a plain number, defaults
// included (exact up to 2^53: sizes, inodes, seconds, sequences).
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = null;
$protobuf.configure();

export default $protobuf;

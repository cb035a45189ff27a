/* Runs a one-op .tflite model on the 256 input bytes 0..255 through TFLite's C API and prints the 256 output
 * bytes, as signed values for an int8 output. Used by tflite-tables.sh only; the C API's prototypes are declared
 * here (opaque pointers), so that no TensorFlow header is needed. */
#include <stdio.h>
#include <stdlib.h>

typedef struct TfLiteModel TfLiteModel;
typedef struct TfLiteInterpreterOptions TfLiteInterpreterOptions;
typedef struct TfLiteInterpreter TfLiteInterpreter;
typedef struct TfLiteTensor TfLiteTensor;
TfLiteModel *TfLiteModelCreateFromFile(const char *path);
TfLiteInterpreterOptions *TfLiteInterpreterOptionsCreate(void);
TfLiteInterpreter *TfLiteInterpreterCreate(const TfLiteModel *model, const TfLiteInterpreterOptions *options);
int TfLiteInterpreterAllocateTensors(TfLiteInterpreter *interpreter);
TfLiteTensor *TfLiteInterpreterGetInputTensor(const TfLiteInterpreter *interpreter, int index);
const TfLiteTensor *TfLiteInterpreterGetOutputTensor(const TfLiteInterpreter *interpreter, int index);
int TfLiteTensorCopyFromBuffer(TfLiteTensor *tensor, const void *input_data, size_t input_data_size);
int TfLiteTensorCopyToBuffer(const TfLiteTensor *tensor, void *output_data, size_t output_data_size);
int TfLiteInterpreterInvoke(TfLiteInterpreter *interpreter);

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: tflite-runner MODEL.tflite int8|uint8\n");
        return 2;
    }
    TfLiteModel *model = TfLiteModelCreateFromFile(argv[1]);
    if (!model) { fprintf(stderr, "cannot load %s\n", argv[1]); return 1; }
    TfLiteInterpreterOptions *options = TfLiteInterpreterOptionsCreate();
    TfLiteInterpreter *interpreter = TfLiteInterpreterCreate(model, options);
    if (!interpreter || TfLiteInterpreterAllocateTensors(interpreter) != 0) {
        fprintf(stderr, "cannot prepare %s\n", argv[1]);
        return 1;
    }
    unsigned char in[256], out[256];
    for (int i = 0; i < 256; i++) in[i] = (unsigned char) i;
    if (TfLiteTensorCopyFromBuffer(TfLiteInterpreterGetInputTensor(interpreter, 0), in, 256) != 0
            || TfLiteInterpreterInvoke(interpreter) != 0
            || TfLiteTensorCopyToBuffer(TfLiteInterpreterGetOutputTensor(interpreter, 0), out, 256) != 0) {
        fprintf(stderr, "cannot run %s\n", argv[1]);
        return 1;
    }
    int is_signed = argv[2][0] == 'i';
    for (int i = 0; i < 256; i++) printf(i ? " %d" : "%d", is_signed ? (int) (signed char) out[i] : (int) out[i]);
    printf("\n");
    return 0;
}
